import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnchoringModule } from '../anchoring/anchoring.module';
import { DocumentsModule } from '../documents/documents.module';
import { AnnotationEntity } from './annotation.entity';
import { AnnotationsController } from './annotations.controller';
import { AnnotationsService } from './annotations.service';

@Module({
  imports: [TypeOrmModule.forFeature([AnnotationEntity]), AnchoringModule, DocumentsModule],
  controllers: [AnnotationsController],
  providers: [AnnotationsService],
})
export class AnnotationsModule {}
